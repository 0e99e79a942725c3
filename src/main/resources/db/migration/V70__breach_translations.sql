-- A breach's title and description in languages besides English, which Title and Description hold as in
-- Have I Been Pwned's model: {"zh": {"Title": "...", "Description": "..."}}, keyed by the portal's
-- language codes; descriptions are stored sanitised, like Description.
ALTER TABLE breach ADD COLUMN translations jsonb NOT NULL DEFAULT '{}';
