# UI strings of the documents pages (et). Keys in all three languages (et, en, ru).
