-- > column bars.sym -> symbol
--   breaks-running-app: SQL that names sym stops working; deploy code that copes with both names first
ALTER TABLE public.bars RENAME COLUMN sym TO symbol;

-- > constraint bars_day_sym_key -> bars_day_symbol_key on bars
ALTER TABLE public.bars RENAME CONSTRAINT bars_day_sym_key TO bars_day_symbol_key;

-- > index bars_sym_close_idx -> bars_symbol_close_idx
ALTER INDEX public.bars_sym_close_idx RENAME TO bars_symbol_close_idx;
