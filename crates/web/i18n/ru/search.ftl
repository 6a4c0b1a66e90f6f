# UI strings of the search pages (ru). Keys in all three languages (et, en, ru).
