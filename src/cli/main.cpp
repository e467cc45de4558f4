// The ccteam command. Everything happens in the library; see src/cli/app.hpp.
#include "cli/app.hpp"

int main(int argc, char** argv) { return ccteam::cli::run(argc, argv); }
