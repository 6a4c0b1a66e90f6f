# UI strings of the workflow pages (en). Keys in all three languages (et, en, ru).
