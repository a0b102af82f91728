"""Writing the dataset as files, and replacing ``out/`` only with a complete, valid release."""
