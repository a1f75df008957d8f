-- ~ column symbols.ticker: type varchar(10) -> varchar(20)
ALTER TABLE public.symbols ALTER COLUMN ticker TYPE varchar(20);

-- ~ column symbols.name: type varchar(100) -> text
ALTER TABLE public.symbols ALTER COLUMN name TYPE text;

-- ~ column symbols.notes: type varchar(200) -> varchar
ALTER TABLE public.symbols ALTER COLUMN notes TYPE varchar;
