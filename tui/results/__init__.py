"""The results screen and the widgets that show one assessment."""
