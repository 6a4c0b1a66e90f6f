# UI strings of the search pages (en). Keys in all three languages (et, en, ru).
