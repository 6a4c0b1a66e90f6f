# UI strings of the workflow pages (ru). Keys in all three languages (et, en, ru).
