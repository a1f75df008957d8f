-- ~ seed row flags (name=dark_mode)
UPDATE public.flags SET enabled = DEFAULT WHERE name = 'dark_mode';
