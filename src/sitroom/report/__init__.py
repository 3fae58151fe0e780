"""Report stage: the written situation report, control tables, static map and timeline."""
