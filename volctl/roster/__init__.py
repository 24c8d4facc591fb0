"""The people and the structure: volunteers, teams and memberships, beneficiaries."""
