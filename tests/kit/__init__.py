"""Tools to exercise the sync stack for real: a server subprocess and a fault-injecting proxy."""
