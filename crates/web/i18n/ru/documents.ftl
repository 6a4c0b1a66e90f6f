# UI strings of the documents pages (ru). Keys in all three languages (et, en, ru).
