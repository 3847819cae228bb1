"""Customer value and churn analytics: pure formulas over plain numbers (no database, no Qt).

rfm: quintile scores and the eight named segments; value: lifetime value and contribution;
rates: retention, churn and conversion; risk: the explainable churn risk score; winback: the
E(V) − V3 > C3 decision; forecast: seasonal naive / moving average with back-test error.
"""
