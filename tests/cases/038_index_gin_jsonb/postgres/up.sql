-- + index idx_documents_body on documents
--   exclusive-lock: writes to documents wait while the index builds; set concurrently: true to build it without blocking writes
CREATE INDEX idx_documents_body ON public.documents USING gin (body);

-- + index documents_tags_idx on documents
--   exclusive-lock: writes to documents wait while the index builds; set concurrently: true to build it without blocking writes
CREATE INDEX documents_tags_idx ON public.documents USING gin (tags);
