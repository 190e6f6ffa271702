"""The wizard's screens and modals."""
