-- undo ~ column symbols.notes: type varchar(200) -> varchar
--   converts back to varchar(200): values that do not fit make the rollback fail
ALTER TABLE public.symbols ALTER COLUMN notes TYPE varchar(200);

-- undo ~ column symbols.name: type varchar(100) -> text
--   converts back to varchar(100): values that do not fit make the rollback fail
ALTER TABLE public.symbols ALTER COLUMN name TYPE varchar(100);

-- undo ~ column symbols.ticker: type varchar(10) -> varchar(20)
--   converts back to varchar(10): values that do not fit make the rollback fail
ALTER TABLE public.symbols ALTER COLUMN ticker TYPE varchar(10);
