// Viewer-request function of the /api/* behaviour (runtime cloudfront-js-2.0).
// API Gateway serves the routes without the /api prefix, and the origin path
// adds the stage: /api/registros reaches API Gateway as /prod/registros.
// The origin request policy sends API Gateway its own host name, so the
// viewer's Host travels in x-forwarded-host, from which the API builds public
// verification URLs. A value sent by the viewer is always replaced.
function handler(event) {
  var request = event.request;
  var prefix = '/api';

  if (request.uri === prefix) {
    request.uri = '/';
  } else if (request.uri.indexOf(prefix + '/') === 0) {
    request.uri = request.uri.substring(prefix.length);
  }

  var host = request.headers.host;
  if (host) {
    request.headers['x-forwarded-host'] = { value: host.value };
  } else {
    delete request.headers['x-forwarded-host'];
  }

  return request;
}
