"""The work done: activities, schedules, service records and their corrections, training."""
