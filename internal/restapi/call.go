package restapi

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"context"

	"goemr/internal/auth"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// Call is one request on its way through a handler.
type Call struct {
	W      http.ResponseWriter
	R      *http.Request
	Site   string
	Path   string // the path below the site: "/api/patient/…"
	Route  *resource.Route
	Params map[string]string
	P      *auth.Principal // nil on public routes
	User   *emr.User       // the acting staff user; nil for patients

	s *Server
}

// Records is the storage the handler works on.
func (c *Call) Records() resource.Records { return c.s.o.Records }

// Ctx is the request's context.
func (c *Call) Ctx() context.Context { return c.R.Context() }

// UserID is the acting staff user's numeric id as OpenEMR records it
// ("" for patients and clients).
func (c *Call) UserID() string {
	if c.User == nil {
		return ""
	}
	return strconv.FormatInt(c.User.ID, 10)
}

// Reply writes a successful response in the route's style: data inside
// the envelope, or data itself on raw routes.
func (c *Call) Reply(status int, data any) error {
	if c.Route.Style == resource.Envelope {
		writeJSON(c.W, status, newEnvelope(data))
		return nil
	}
	writeJSON(c.W, status, data)
	return nil
}

// userCache keeps staff users (and so their ACLs) for a few seconds: every
// staff request needs them, and a permission change takes effect within
// userTTL on every process.
type userCache struct {
	users Users
	mu    sync.Mutex
	m     map[string]cachedUser
}

type cachedUser struct {
	u       *emr.User
	expires time.Time
}

const userTTL = 5 * time.Second

func newUserCache(u Users) *userCache { return &userCache{users: u, m: map[string]cachedUser{}} }

func (uc *userCache) get(ctx context.Context, uuid string) (*emr.User, error) {
	now := time.Now()
	uc.mu.Lock()
	e, ok := uc.m[uuid]
	uc.mu.Unlock()
	if ok && now.Before(e.expires) {
		return e.u, nil
	}
	u, err := uc.users.UserByUUID(ctx, uuid)
	if err != nil {
		return nil, err
	}
	uc.mu.Lock()
	if len(uc.m) > 10000 {
		clear(uc.m)
	}
	uc.m[uuid] = cachedUser{u: u, expires: now.Add(userTTL)}
	uc.mu.Unlock()
	return u, nil
}
