"""Message catalogues, one module per concept; each defines MESSAGES = {key: (zh, en)}."""
