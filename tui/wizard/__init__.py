"""The wizard: its screen, the step container and the widgets that ask the questions."""
