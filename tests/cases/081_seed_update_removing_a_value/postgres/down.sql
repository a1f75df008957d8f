-- undo ~ seed row flags (name=dark_mode)
UPDATE public.flags SET enabled = true WHERE name = 'dark_mode';
