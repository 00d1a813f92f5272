package data

import (
	"slices"

	bolt "go.etcd.io/bbolt"
)

// Department is one office or bureau in the register. Everything else
// (tasks, progress, returned workbooks) refers to it by ID, so a rename or a
// merge is one change that every reference follows.
type Department struct {
	ID      uint64   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
}

// names is the department's canonical name followed by its aliases: every
// string that resolves to it.
func (d Department) names() []string {
	return append([]string{d.Name}, d.Aliases...)
}

// DuplicateSuggestion is a pair of departments that probably are one, for
// the user to confirm with a merge.
type DuplicateSuggestion struct {
	A, B   Department
	Reason string
}

// depts bundles the two buckets of the register inside one transaction.
type depts struct {
	tx    *bolt.Tx
	recs  *bolt.Bucket
	index *bolt.Bucket
}

func deptsIn(tx *bolt.Tx) depts {
	return depts{tx: tx, recs: tx.Bucket(bucketDepts), index: tx.Bucket(bucketDeptNames)}
}

func (r depts) get(id uint64) (Department, bool, error) {
	var d Department
	ok, err := getJSON(r.recs, u64(id), &d)
	return d, ok, err
}

// lookup resolves a normalised name or alias.
func (r depts) lookup(name string) (Department, bool, error) {
	id := r.index.Get([]byte(name))
	if id == nil {
		return Department{}, false, nil
	}
	return r.get(fromU64(id))
}

func (r depts) resolve(raw string) (Department, error) {
	name := NormalizeName(raw)
	d, ok, err := r.lookup(name)
	if err != nil {
		return d, err
	}
	if !ok {
		return d, errNoDept(name)
	}
	return d, nil
}

// claim reserves name for department id in the index, refusing names that
// already belong to another department (or to this one, twice).
func (r depts) claim(name string, id uint64) error {
	if name == "" {
		return errEmptyName()
	}
	if owner := r.index.Get([]byte(name)); owner != nil {
		// The owner may be the very department being added, whose record
		// is written only at the end of the transaction.
		ownerName := name
		if d, ok, err := r.get(fromU64(owner)); err != nil {
			return err
		} else if ok {
			ownerName = d.Name
		}
		return errNameTaken(name, ownerName)
	}
	return r.index.Put([]byte(name), u64(id))
}

func (r depts) put(d Department) error { return putJSON(r.recs, u64(d.ID), d) }

func (r depts) all() ([]Department, error) {
	var out []Department
	err := r.recs.ForEach(func(k, _ []byte) error {
		var d Department
		if _, err := getJSON(r.recs, k, &d); err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

// AddDepartment registers a department under its normalised name, with
// optional aliases, in one transaction.
func (s *Store) AddDepartment(name string, aliases ...string) (Department, error) {
	var d Department
	err := s.update(func(tx *bolt.Tx) error {
		r := deptsIn(tx)
		id, err := r.recs.NextSequence()
		if err != nil {
			return err
		}
		d = Department{ID: id, Name: NormalizeName(name)}
		if err := r.claim(d.Name, id); err != nil {
			return err
		}
		for _, a := range aliases {
			a = NormalizeName(a)
			if a == d.Name || slices.Contains(d.Aliases, a) {
				continue // `党 政 办` as an alias of 党政办 says nothing new
			}
			if err := r.claim(a, id); err != nil {
				return err
			}
			d.Aliases = append(d.Aliases, a)
		}
		return r.put(d)
	})
	return d, err
}

// Departments lists the register in the order departments were added.
func (s *Store) Departments() ([]Department, error) {
	var out []Department
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = deptsIn(tx).all()
		return err
	})
	return out, err
}

// Department returns the department with the given id.
func (s *Store) Department(id uint64) (Department, error) {
	var d Department
	err := s.view(func(tx *bolt.Tx) error {
		var ok bool
		var err error
		d, ok, err = deptsIn(tx).get(id)
		if err == nil && !ok {
			err = userErr(ErrNotFound, "部门编号 %d 不存在。", id)
		}
		return err
	})
	return d, err
}

// ResolveDepartment finds the department a name or alias stands for, after
// normalising it, so `党 政 办` and `党政办` are one.
func (s *Store) ResolveDepartment(name string) (Department, error) {
	var d Department
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		d, err = deptsIn(tx).resolve(name)
		return err
	})
	return d, err
}

// AddAlias lets another spelling (from a plan, a returned workbook) resolve
// to the department that name resolves to.
func (s *Store) AddAlias(name, alias string) (Department, error) {
	var d Department
	err := s.update(func(tx *bolt.Tx) error {
		r := deptsIn(tx)
		var err error
		if d, err = r.resolve(name); err != nil {
			return err
		}
		a := NormalizeName(alias)
		if err := r.claim(a, d.ID); err != nil {
			return err
		}
		d.Aliases = append(d.Aliases, a)
		return r.put(d)
	})
	return d, err
}

// RemoveAlias forgets one alias; the canonical name cannot be removed this way.
func (s *Store) RemoveAlias(alias string) (Department, error) {
	var d Department
	err := s.update(func(tx *bolt.Tx) error {
		r := deptsIn(tx)
		a := NormalizeName(alias)
		var err error
		if d, err = r.resolve(a); err != nil {
			return err
		}
		if d.Name == a {
			return errAliasIsName(a)
		}
		d.Aliases = slices.DeleteFunc(d.Aliases, func(x string) bool { return x == a })
		if err := r.index.Delete([]byte(a)); err != nil {
			return err
		}
		return r.put(d)
	})
	return d, err
}

// RenameDepartment gives a department a new canonical name. The old name
// stays as an alias, so files that still use it keep resolving.
func (s *Store) RenameDepartment(old, newName string) (Department, error) {
	var d Department
	err := s.update(func(tx *bolt.Tx) error {
		r := deptsIn(tx)
		var err error
		if d, err = r.resolve(old); err != nil {
			return err
		}
		n := NormalizeName(newName)
		if n == d.Name {
			return nil
		}
		if slices.Contains(d.Aliases, n) {
			// Promoting an alias to the name: it is already claimed by d.
			d.Aliases = slices.DeleteFunc(d.Aliases, func(x string) bool { return x == n })
		} else if err := r.claim(n, d.ID); err != nil {
			return err
		}
		d.Aliases = append(d.Aliases, d.Name)
		d.Name = n
		return r.put(d)
	})
	return d, err
}

// MergeDepartments folds from into into: from's name and aliases become
// into's aliases and every task that named from names into instead, all in
// one transaction. It is only ever done on the user's word.
func (s *Store) MergeDepartments(from, into string) (Department, error) {
	var src, d Department
	check := func(tx *bolt.Tx) (err error) {
		r := deptsIn(tx)
		if src, err = r.resolve(from); err != nil {
			return err
		}
		if d, err = r.resolve(into); err != nil {
			return err
		}
		if src.ID == d.ID {
			return errMergeSelf(d.Name)
		}
		return nil
	}
	err := s.change(ChangeMerge, check, func(tx *bolt.Tx) error {
		r := deptsIn(tx)
		for _, n := range src.names() {
			if err := r.index.Put([]byte(n), u64(d.ID)); err != nil {
				return err
			}
			if !slices.Contains(d.Aliases, n) {
				d.Aliases = append(d.Aliases, n)
			}
		}
		if err := replaceDeptInTasks(tx, src.ID, d.ID); err != nil {
			return err
		}
		if err := r.recs.Delete(u64(src.ID)); err != nil {
			return err
		}
		return r.put(d)
	})
	return d, err
}

// DeleteDepartment removes a department nothing refers to (a typo entered
// by hand); one still named by tasks must be merged instead.
func (s *Store) DeleteDepartment(name string) error {
	return s.update(func(tx *bolt.Tx) error {
		r := deptsIn(tx)
		d, err := r.resolve(name)
		if err != nil {
			return err
		}
		if n, err := countTasksNaming(tx, d.ID); err != nil {
			return err
		} else if n > 0 {
			return errDeptReferenced(d.Name, n)
		}
		for _, n := range d.names() {
			if err := r.index.Delete([]byte(n)); err != nil {
				return err
			}
		}
		return r.recs.Delete(u64(d.ID))
	})
}

// DuplicateSuggestions lists pairs of registered departments whose names
// look like one department written two ways, for the user to merge or not.
func (s *Store) DuplicateSuggestions() ([]DuplicateSuggestion, error) {
	all, err := s.Departments()
	if err != nil {
		return nil, err
	}
	var out []DuplicateSuggestion
	for i, a := range all {
		for _, b := range all[i+1:] {
			if ok, why := departmentsAlike(a, b); ok {
				out = append(out, DuplicateSuggestion{A: a, B: b, Reason: why})
			}
		}
	}
	return out, nil
}

// SuggestDepartments returns the registered departments that an unknown name
// (from a plan or a workbook) probably means, for the user to pick from.
func (s *Store) SuggestDepartments(name string) ([]Department, error) {
	all, err := s.Departments()
	if err != nil {
		return nil, err
	}
	probe := Department{Name: NormalizeName(name)}
	var out []Department
	for _, d := range all {
		if ok, _ := departmentsAlike(probe, d); ok {
			out = append(out, d)
		}
	}
	return out, nil
}

func departmentsAlike(a, b Department) (bool, string) {
	for _, x := range a.names() {
		for _, y := range b.names() {
			if ok, why := likelySame(x, y); ok {
				return true, why
			}
		}
	}
	return false, ""
}
