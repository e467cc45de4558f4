#!/usr/bin/python3
"""Checks that ccteam's JSON output matches the JSON Schemas in docs/schemas/.

Usage: check_schemas.py CCTEAM_BINARY SOURCE_DIR
Runs each command below and validates its standard output against its schema (draft 2020-12,
with Debian's python3-jsonschema). Prints one line per check and exits non-zero on a mismatch.
"""
import json
import pathlib
import subprocess
import sys

import jsonschema

binary, source = sys.argv[1], pathlib.Path(sys.argv[2])
schemas = {}
for path in (source / "docs" / "schemas").glob("*.schema.json"):
    schema = json.loads(path.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    schemas[path.name] = schema

store = {schema["$id"]: schema for schema in schemas.values()}
checks = [
    (["roles", "list", "--format", "json"], "roles.schema.json", 0),
    (["roles", "list", "--format", "json", "--catalog", "tests/data/catalog/minimal.yaml"],
     "roles.schema.json", 0),
    (["roles", "show", "manager", "--format", "json"], "role.schema.json", 0),
    (["roles", "ladder", "--format", "json"], "ladder.schema.json", 0),
    (["catalog", "validate", "--format", "json", "data/catalog"], "validation.schema.json", 0),
    (["catalog", "validate", "--format", "json", "tests/data/catalog/invalid/ladder-cycle.yaml"],
     "validation.schema.json", 2),
    (["plan", "tests/data/forecasts/small-30min.csv", "--sl", "80/20", "--format", "json"],
     "plan.schema.json", 0),
    (["plan", "tests/data/forecasts/small-30min.csv", "--sl", "80/20", "--agents", "14",
      "--format", "json"], "plan.schema.json", 0),
    (["plan", "tests/data/forecasts/small-30min-agents.csv", "--sl", "80/20", "--patience", "90",
      "--format", "json"], "plan.schema.json", 0),
    (["plan", "tests/data/forecasts/small-30min.csv", "--sl", "80/20", "--patience", "90",
      "--max-abandon", "0.05", "--escalation-share", "0.1", "--market-reference",
      "--format", "json"], "plan.schema.json", 0),
    (["plan", "--calls", "1200/day", "--hours", "08:00-20:00", "--asa", "15", "--format", "json"],
     "plan.schema.json", 0),
    (["plan", "--calls", "1200/day", "--hours", "08:00-20:00", "--sl", "80/20",
      "--escalation-share", "0.1", "--escalation-mode", "deferred",
      "--manager-escalation-share", "0.2", "--waiting-cost", "0.50", "--abandon-cost", "5",
      "--market-reference",
      "--format", "json"], "plan.schema.json", 0),
    (["screen", "agent", "tests/data/resumes/agent-de.json", "tests/data/resumes/people.csv",
      "--as-of", "2025-12-31", "--country", "DE", "--format", "json"], "screen.schema.json", 1),
    (["screen", "manager", "tests/data/resumes/batch.ndjson", "--as-of", "2025-12-31",
      "--reveal", "--format", "json"], "screen.schema.json", 1),
    (["career", "tests/data/resumes/agent-de.json", "--as-of", "2025-12-31", "--format", "json"],
     "career.schema.json", 0),
    (["simulate", "--scenario", "data/scenarios/article-team.yaml", "--replications", "3",
      "--format", "json"], "simulation.schema.json", 0),
    (["simulate", "--scenario", "tests/data/scenarios/constant.yaml", "--replications", "1",
      "--format", "json"], "simulation.schema.json", 0),
    (["metrics", "tests/data/calls/small.csv", "--min-group", "1", "--format", "json"],
     "metrics.schema.json", 0),
    (["metrics", "tests/data/calls/small.csv", "--by", "agent", "--team", "red", "--format",
      "json"], "metrics.schema.json", 0),
    (["metrics", "tests/data/calls/bank-small.tsv", "--interval", "week", "--format", "json"],
     "metrics.schema.json", 0),
    (["metrics", "tests/data/calls/small.csv", "--min-group", "1", "--format", "json", "--states",
      "tests/data/states/states.csv", "--schedule", "tests/data/states/schedule.csv"],
     "metrics.schema.json", 0),
    (["hiring-plan", "data/examples/hiring-plan.yaml", "--runs", "0", "--format", "json"],
     "hiring-plan-result.schema.json", 0),
    (["hiring-plan", "data/examples/hiring-plan.yaml", "--runs", "200", "--format", "json"],
     "hiring-plan-result.schema.json", 0),
]
# Scenario files validate against the scenario schema (read as JSON through PyYAML).
import yaml
for path in [source / "data" / "scenarios" / "article-team.yaml",
             *sorted((source / "tests" / "data" / "scenarios").glob("*.yaml"))]:
    try:
        jsonschema.validate(yaml.safe_load(path.read_text()), schemas["scenario.schema.json"],
                            cls=jsonschema.Draft202012Validator)
        print(f"ok   {path.name} ~ scenario.schema.json")
    except jsonschema.ValidationError as error:
        print(f"FAIL {path.name} ~ scenario.schema.json: {str(error)[:2000]}")
        sys.exit(1)
# Hiring plan inputs validate against the input schema.
for path in [source / "data" / "examples" / "hiring-plan.yaml",
             source / "data" / "examples" / "hiring-plan-from-plan.yaml"]:
    try:
        jsonschema.validate(yaml.safe_load(path.read_text()), schemas["hiring-plan.schema.json"],
                            cls=jsonschema.Draft202012Validator)
        print(f"ok   {path.name} ~ hiring-plan.schema.json")
    except jsonschema.ValidationError as error:
        print(f"FAIL {path.name} ~ hiring-plan.schema.json: {str(error)[:2000]}")
        sys.exit(1)
# The example employer profiles validate against the profile schema (dates kept as text, as the
# reader reads them).
class TextDates(yaml.SafeLoader):
    pass


TextDates.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
for path in sorted((source / "data" / "examples").glob("employer-*.yaml")):
    try:
        jsonschema.validate(yaml.load(path.read_text(), Loader=TextDates),
                            schemas["employer.schema.json"], cls=jsonschema.Draft202012Validator)
        print(f"ok   {path.name} ~ employer.schema.json")
    except jsonschema.ValidationError as error:
        print(f"FAIL {path.name} ~ employer.schema.json: {str(error)[:2000]}")
        sys.exit(1)
failed = 0
for args, schema_name, expected_exit in checks:
    run = subprocess.run([binary, *args], cwd=source, capture_output=True, text=True)
    schema = schemas[schema_name]
    resolver = jsonschema.RefResolver(schema["$id"], schema, store=store)
    try:
        if run.returncode != expected_exit:
            raise AssertionError(f"exit code {run.returncode}, expected {expected_exit}: {run.stderr}")
        jsonschema.validate(json.loads(run.stdout), schema, resolver=resolver,
                            cls=jsonschema.Draft202012Validator)
        print(f"ok   {' '.join(args)} ~ {schema_name}")
    except (AssertionError, jsonschema.ValidationError, json.JSONDecodeError) as error:
        failed += 1
        print(f"FAIL {' '.join(args)} ~ {schema_name}: {str(error)[:2000]}")
sys.exit(1 if failed else 0)
