"""The tunewise wizard: Textual screens over the headless `engine` and `profiles` packages."""
