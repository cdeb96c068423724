// Viewer-request function of the default behaviour (runtime cloudfront-js-2.0).
// The web app routes in the browser, so a deep link such as /verificar/ABC or
// /gestion has no object in the bucket: any path whose last segment has no
// file extension gets the app's /index.html. Files such as /assets/app.js
// pass unchanged. This replaces a distribution-wide custom error response,
// which would also turn the API's 403 and 404 responses into the index page.
function handler(event) {
  var request = event.request;
  var lastSegment = request.uri.substring(request.uri.lastIndexOf('/') + 1);

  if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }

  return request;
}
