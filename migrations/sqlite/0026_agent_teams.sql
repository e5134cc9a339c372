-- Agents belong to a team (the floor board and analytics group by it); empty: none.
ALTER TABLE agents ADD COLUMN team TEXT NOT NULL DEFAULT '';
