// Sends the chosen file as the request body (streamed to disk by the server, never held in memory)
// and shows how much has been sent; then opens the upload's page, which shows staging live.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('file').files[0];
    if (!file) {
      return;
    }
    var query = new URLSearchParams({
      format: document.getElementById('format').value,
      target: document.getElementById('target').value,
      type: document.getElementById('type').value
    });
    var progress = document.getElementById('upload-progress');
    var status = document.getElementById('upload-status');
    var request = new XMLHttpRequest();
    request.open('POST', form.dataset.action + '?' + query.toString());
    request.setRequestHeader('X-CSRF-Token', form.dataset.csrf);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    progress.hidden = false;
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(100 * e.loaded / e.total);
        status.textContent = 'Uploaded ' + progress.value + ' %';
      }
    });
    request.addEventListener('load', function () {
      if (request.status === 202) {
        window.location.href = '/admin/uploads/' + JSON.parse(request.responseText).id;
      } else {
        status.textContent = request.responseText || ('Upload refused (' + request.status + ')');
      }
    });
    request.addEventListener('error', function () {
      status.textContent = 'The upload was interrupted.';
    });
    request.send(file);
  });
});
