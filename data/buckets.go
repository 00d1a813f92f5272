package data

// The bbolt file, bucket by bucket (schema version 3). Keep this drawing in
// step with every schema change and add a migration in migrate.go.
//
//	meta/
//	    "schema"         → uint64, big-endian: the schema version written last
//	    "backupkeep"     → uint64, big-endian: how many automatic backups to
//	                       keep (absent: DefaultBackupKeep)
//	    "lastexport"     → JSON ExportNote: what went out last, where, when
//	profile/
//	    "profile"        → JSON Profile
//	    "expectunits"    → JSON []string: the units that owe a return for
//	                       the 汇总 (absent: none given)
//	depts/
//	    id (uint64 BE)   → JSON Department (canonical name and aliases)
//	deptnames/           index, derived from depts/, rebuilt by migration 1
//	    normalised name  → id (uint64 BE); one entry for every name and alias
//	plans/
//	    year (uint64 BE) → JSON Plan (title, chapters, closing text)
//	tasks/               bucket sequence: the last task id given
//	    year (uint64 BE) ‖ id (uint64 BE) → JSON Task (refers to departments
//	                       by id; carries its status and progress entries);
//	                       before version 3 the key was the id alone
//	taskyears/           index, derived from tasks/, written by migration 3
//	    id (uint64 BE)   → year (uint64 BE): where a task's record sits
//	reports/
//	    year (uint64 BE) → JSON Report (sections, signature, date, linked
//	                       figures)
//	reportsnaps/
//	    year (uint64 BE) ‖ id (uint64 BE) → JSON Snapshot (the report as
//	                       exported, or as it was before a replace/restore)
//	indicators/
//	    code             → JSON Indicator (name, unit, kind, a rate's
//	                       numerator and denominator, aliases, retired);
//	                       the default catalogue is written by migration 2
//	values/
//	    year (uint64 BE) ‖ quarter (1 byte, 0 = year) ‖ code
//	                     → JSON Value (figure, text, explanation); rates
//	                       are computed, never stored as typed
//	statmaps/
//	    fingerprint      → JSON TemplateMap: which cell of a city's return
//	                       template holds which indicator, kept per layout
//	                       so next year's copy maps itself
//
// Ids come from the bucket's NextSequence, so keys sort in creation order;
// the year prefix of tasks/ and reportsnaps/ lets a cursor read one year's
// tasks or snapshots without decoding any other year's. Task ids are unique
// across years; taskyears/ finds a task by id alone.

var (
	bucketMeta        = []byte("meta")
	bucketProfile     = []byte("profile")
	bucketDepts       = []byte("depts")
	bucketDeptNames   = []byte("deptnames")
	bucketTasks       = []byte("tasks")
	bucketTaskYears   = []byte("taskyears")
	bucketPlans       = []byte("plans")
	bucketReports     = []byte("reports")
	bucketReportSnaps = []byte("reportsnaps")
	bucketIndicators  = []byte("indicators")
	bucketValues      = []byte("values")
	bucketStatMaps    = []byte("statmaps")

	keySchema        = []byte("schema")
	keyProfile       = []byte("profile")
	keyExpectedUnits = []byte("expectunits")
	keyBackupKeep    = []byte("backupkeep")
	keyLastExport    = []byte("lastexport")
)

// allBuckets are created when a file is opened, so that every later
// transaction can rely on them existing.
var allBuckets = [][]byte{bucketMeta, bucketProfile, bucketDepts, bucketDeptNames, bucketPlans, bucketTasks, bucketTaskYears, bucketReports, bucketReportSnaps, bucketIndicators, bucketValues, bucketStatMaps}
