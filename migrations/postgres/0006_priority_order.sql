-- The order an office pays its priority classes in when money is short, e.g. '1,3,2,4,5' pays
-- health insurance before energy. NULL: the classes' own order (1 housing … 5 other).
ALTER TABLE offices ADD COLUMN priority_order TEXT;
