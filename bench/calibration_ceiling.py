#!/usr/bin/env python3
"""How far could any model over the desk's indicators go on the corpus? (issue 17)

Reads `parley calibrate --json` and fits, to the same features (each indicator's hand-set
contribution at every moment), models more flexible than the one Parley ships:

- the shipped model's form without any pull toward the hand-set weights (in sample only: it is the
  best this form can do on these moments, a bound the left-out score can never beat);
- every indicator plus every product of two (interactions and squares), with a ridge penalty,
  in sample and with each case left out.

If even these cannot approach a Brier score with each case left out, the limit is in what the
indicators see, not in how they are weighed.

Usage (numpy only):
    .build/debug/parley calibrate corpus/cases --json > /tmp/calibration.json
    python3 bench/calibration_ceiling.py /tmp/calibration.json
"""

import json
import sys

import numpy as np


def fit(x, y, ridge, prior=None):
    """Logistic regression by Newton's method, penalised by ridge × squared distance from prior."""
    prior = np.zeros(x.shape[1]) if prior is None else prior
    w = prior.copy()
    penalty = np.full(x.shape[1], ridge)

    def loss(v):
        z = x @ v
        return np.sum(np.logaddexp(0, z) - y * z) + np.sum(penalty * (v - prior) ** 2)

    for _ in range(200):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + 2 * penalty * (w - prior)
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(2 * penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        scale, before = 1.0, loss(w)
        while scale > 1e-8 and loss(w - scale * step) > before:
            scale /= 2
        w = w - scale * step
        if np.max(np.abs(scale * step)) < 1e-10:
            break
    return w


def probabilities(x, w):
    # The product keeps every estimate within 2–98 % before the outcome, and so does this.
    return np.clip(1 / (1 + np.exp(-(x @ w))), 0.02, 0.98)


def brier(p, y):
    return float(np.mean((p - y) ** 2))


def main(path):
    report = json.load(open(path))
    moments = report["runs"][0]["moments"]
    x = np.array([m["features"] for m in moments], dtype=float)
    y = np.array([1.0 if m["held"] else 0.0 for m in moments])
    cases = np.array([m["name"] for m in moments])
    print(f"{report['cases']} cases, {len(y)} moments, {int(y.sum())} of them of meetings held")

    # The shipped form, unpenalised (a tiny ridge only keeps Newton's steps finite).
    w = fit(x, y, 1e-6)
    print(f"shipped form, no pull toward the hand-set weights, in sample: Brier {brier(probabilities(x, w), y):.3f}")

    # Every indicator and every product of two, standardised, with an intercept.
    columns = [x[:, 1:]]
    for i in range(1, x.shape[1]):
        for j in range(i, x.shape[1]):
            columns.append((x[:, i] * x[:, j])[:, None])
    wide = np.hstack(columns)
    wide = wide[:, wide.std(axis=0) > 0]
    wide = (wide - wide.mean(axis=0)) / wide.std(axis=0)
    wide = np.hstack([np.ones((len(y), 1)), wide])
    for ridge in [0.01, 0.1, 1, 10]:
        inside = brier(probabilities(wide, fit(wide, y, ridge)), y)
        left_out = np.zeros(len(y))
        for case in sorted(set(cases)):
            mask = cases == case
            left_out[mask] = probabilities(wide[mask], fit(wide[~mask], y[~mask], ridge))
        print(
            f"{wide.shape[1] - 1} terms (indicators and their products), ridge {ridge:>5}: "
            f"in sample Brier {inside:.3f}, each case left out {brier(left_out, y):.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/dev/stdin")
