# UI strings of the documents pages (en). Keys in all three languages (et, en, ru).
