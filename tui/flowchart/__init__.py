"""The F3 map: the decision flowchart with the path the answers take."""
