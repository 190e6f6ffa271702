"""The compare screen: several profiles side by side, and what changed between them."""
