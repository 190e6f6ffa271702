"""The modal dialogs: confirm, file name, pick, help, prices, tokens."""
