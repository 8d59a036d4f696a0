// Starts Swagger UI over this server's OpenAPI document. This file is a
// Go text/template: the server fills in the preselected scopes once, at
// start-up, from its route table.
//
// URLs are resolved against the page, so the UI also works when the server
// is reached under a path prefix. Sign-in is OAuth2 authorization code with
// PKCE against the server's own /oauth2/default endpoints; the client must
// be registered with this page's oauth2-redirect.html as redirect URI.
window.addEventListener("load", function () {
  var here = document.baseURI;
  window.ui = SwaggerUIBundle({
    url: new URL("openapi.json", here).href,
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    validatorUrl: null, // no calls to swagger.io: the document stays on this server
    displayRequestDuration: true,
    oauth2RedirectUrl: new URL("oauth2-redirect.html", here).href
  });
  window.ui.initOAuth({
    usePkceWithAuthorizationCodeGrant: true,
    scopes: {{.Scopes}}
  });
});
