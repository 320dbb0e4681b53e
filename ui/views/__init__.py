"""One module per tab of the page, and the presentation view."""
