package store

import (
	"context"

	"goemr/internal/emr"
)

// SiteByID returns a site.
func (s *Store) SiteByID(ctx context.Context, id string) (*emr.Site, error) {
	var site emr.Site
	err := s.db.QueryRow(ctx, `SELECT id, name, db FROM sites WHERE id = $1`, id).Scan(&site.ID, &site.Name, &site.DB)
	if err != nil {
		return nil, dbErr(err, "site")
	}
	return &site, nil
}

// ListSites returns every site, by id.
func (s *Store) ListSites(ctx context.Context) ([]*emr.Site, error) {
	rows, err := s.db.Query(ctx, `SELECT id, name, db FROM sites ORDER BY id`)
	if err != nil {
		return nil, dbErr(err, "site")
	}
	defer rows.Close()
	var sites []*emr.Site
	for rows.Next() {
		var site emr.Site
		if err := rows.Scan(&site.ID, &site.Name, &site.DB); err != nil {
			return nil, dbErr(err, "site")
		}
		sites = append(sites, &site)
	}
	return sites, dbErr(rows.Err(), "site")
}

// CreateSite stores a site; its name defaults to its id.
func (s *Store) CreateSite(ctx context.Context, site *emr.Site) error {
	if err := required("id", site.ID); err != nil {
		return err
	}
	if site.Name == "" {
		site.Name = site.ID
	}
	_, err := s.db.Exec(ctx, `INSERT INTO sites (id, name, db) VALUES ($1, $2, $3)`, site.ID, site.Name, site.DB)
	return dbErr(err, "site")
}

// DeleteSite removes a site row.
func (s *Store) DeleteSite(ctx context.Context, id string) error {
	res, err := s.db.Exec(ctx, `DELETE FROM sites WHERE id = $1`, id)
	return mustAffect(res, err, "site")
}
