# UI strings of the search pages (et). Keys in all three languages (et, en, ru).
