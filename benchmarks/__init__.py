"""finsamdesk's benchmarks, outside the shipped package: run `python -m benchmarks` (see README.md here)."""
