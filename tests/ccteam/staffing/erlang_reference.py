#!/usr/bin/env python3
"""Reference values for erlang_test.cpp, computed independently of src/ccteam/staffing/erlang.cpp.

Erlang B and C from the closed forms with exact factorials in 60-digit arithmetic (mpmath):
  B(n, a) = (a^n / n!) / sum_{k=0..n} a^k / k!
  C(n, a) = (a^n / n! * n / (n - a)) / (sum_{k<n} a^k / k! + a^n / n! * n / (n - a))
Erlang A (M/M/n+M) from the virtual-waiting-time density of Mandelbaum & Zeltyn (2007,
"Service Engineering in Action: the Palm/Erlang-A Queue", and "The M/M/n+G queue: summary of
performance measures"), integrated numerically (mpmath.quad), not from the birth-death chain:
  H(x) = (1 - exp(-theta x)) / theta, J = int_0^inf exp(lambda H(x) - n mu x) dx,
  E = sum_{k<n} a^k/k! / (a^{n-1}/(n-1)!), f_V(x) = lambda exp(lambda H(x) - n mu x) / (E + lambda J),
  P(answered within t) = E/(E + lambda J) + int_0^t f_V(x) exp(-theta x) dx, and so on.
Run: python3 erlang_reference.py
"""
from mpmath import mp, mpf, factorial, exp, quad, inf

mp.dps = 60


def erlang_b(n, a):
    a = mpf(a)
    return (a**n / factorial(n)) / sum(a**k / factorial(k) for k in range(n + 1))


def erlang_c(n, a):
    a = mpf(a)
    top = a**n / factorial(n) * n / (n - a)
    return top / (sum(a**k / factorial(k) for k in range(n)) + top)


def erlang_c_metrics(n, calls, interval_s, aht_s, t_s):
    a = mpf(calls) * aht_s / interval_s
    c = erlang_c(n, a)
    sl = 1 - c * exp(-(n - a) * mpf(t_s) / aht_s)
    asa = c * aht_s / (n - a)
    return dict(a=a, c=c, sl=sl, asa=asa, occ=a / n)


def erlang_a(n, calls, interval_s, aht_s, patience_s, t_s):
    # time unit: seconds
    lam = mpf(calls) / interval_s
    mu = 1 / mpf(aht_s)
    theta = 1 / mpf(patience_s)
    a = lam / mu
    E = sum(a**k / factorial(k) for k in range(n)) / (a**(n - 1) / factorial(n - 1))
    H = lambda x: (1 - exp(-theta * x)) / theta
    g = lambda x: exp(lam * H(x) - n * mu * x)
    J = quad(g, [0, 10 * patience_s, inf])
    Z = E + lam * J
    f = lambda x: lam * g(x) / Z
    t = mpf(t_s)
    p_wait = lam * J / Z
    p_ab = quad(lambda x: f(x) * (1 - exp(-theta * x)), [0, 10 * patience_s, inf])
    ans_t = E / Z + quad(lambda x: f(x) * exp(-theta * x), [0, t])
    short = quad(lambda x: f(x) * (1 - exp(-theta * min(x, t))), [0, t, 10 * patience_s, inf])
    w_ans = quad(lambda x: x * f(x) * exp(-theta * x), [0, 10 * patience_s, inf])
    w_all = quad(lambda x: f(x) * (1 - exp(-theta * x)) / theta, [0, 10 * patience_s, inf])
    return dict(a=a, p_wait=p_wait, p_ab=p_ab, sl_offered=ans_t, sl_answered=ans_t / (1 - p_ab),
                sl_minus_short=ans_t / (1 - short), short=short, asa_answered=w_ans / (1 - p_ab),
                asa_all=w_all, occ=a * (1 - p_ab) / n)


if __name__ == "__main__":
    mp.pretty = True
    print("B(10, 4.4612)", mp.nstr(erlang_b(10, mpf("4.4612")), 12))
    print("B(100, 84.06)", mp.nstr(erlang_b(100, mpf("84.06")), 12))
    print("B(10, 5)", mp.nstr(erlang_b(10, 5), 15))
    print("B(1000, 1000)", mp.nstr(erlang_b(1000, 1000), 15))
    for n in (11, 12, 13, 14):
        print("C example n=%d" % n, {k: mp.nstr(v, 15) for k, v in erlang_c_metrics(n, 100, 1800, 180, 20).items()})
    print("C big n=1020", {k: mp.nstr(v, 15) for k, v in erlang_c_metrics(1020, 10000, 1800, 180, 20).items()})
    print("C huge n=100000 a=99500", mp.nstr(erlang_c(100000, 99500), 15))
    for n in (14, 16):
        print("A n=%d" % n, {k: mp.nstr(v, 15) for k, v in erlang_a(n, 150, 1800, 180, 120, 20).items()})
    print("A big n=1000", {k: mp.nstr(v, 15) for k, v in erlang_a(1000, 10000, 1800, 180, 300, 20).items()})
