import os

# Tests never read or write the user's reading state.
os.environ["READER_DATA_DIR"] = "off"
