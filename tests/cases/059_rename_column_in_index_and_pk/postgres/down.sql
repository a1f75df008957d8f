-- undo > index bars_sym_close_idx -> bars_symbol_close_idx
ALTER INDEX public.bars_symbol_close_idx RENAME TO bars_sym_close_idx;

-- undo > constraint bars_day_sym_key -> bars_day_symbol_key on bars
ALTER TABLE public.bars RENAME CONSTRAINT bars_day_symbol_key TO bars_day_sym_key;

-- undo > column bars.sym -> symbol
ALTER TABLE public.bars RENAME COLUMN symbol TO sym;
