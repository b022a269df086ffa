#!/usr/bin/env python3
"""The Python twin of org.jtorch.samples.ImageService, for the load test's comparison.

Serves POST /predict (the image's bytes in, the top-5 as JSON out) with the same TorchScript
model and the same preprocessing: RGB, resize so the shorter side is 256 (bilinear on uint8,
antialias off, rounded), center crop 224, /255, ImageNet mean/std; softmax; top-k. One model,
shared by the threads of http.server's ThreadingHTTPServer (as the Java service shares one
ScriptModule). Decoding uses Pillow.

  python3 samples/python/image_service.py MODEL.pt PORT
then load it with the Java client:
  ./mvnw -q -f samples exec:java -Dsample=ImageService -Dexec.args="--load-test-url http://127.0.0.1:PORT/predict"
"""
import io
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)


def preprocess(data):
    img = Image.open(io.BytesIO(data)).convert("RGB")
    x = torch.from_numpy(np.asarray(img).copy()).permute(2, 0, 1).float()[None]
    h, w = x.shape[-2:]
    nh, nw = (256, int(256 * w / h)) if h <= w else (int(256 * h / w), 256)
    x = F.interpolate(x, size=(nh, nw), mode="bilinear", align_corners=False).round().clamp(0, 255)
    top, left = int(round((nh - 224) / 2)), int(round((nw - 224) / 2))
    x = x[:, :, top:top + 224, left:left + 224] / 255
    return (x - MEAN) / STD


def main():
    model = torch.jit.load(sys.argv[1]).eval()
    port = int(sys.argv[2])

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def reply(self, status, obj):
            body = json.dumps(obj).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            try:
                x = preprocess(data)
            except Exception as e:  # Pillow's UnidentifiedImageError and friends
                return self.reply(400, {"error": f"not an image: {e}"})
            with torch.inference_mode():
                p = model(x).softmax(1)[0]
            v, i = p.topk(min(5, p.numel()))
            self.reply(200, {"top": [{"index": int(a), "label": f"class {int(a)}", "probability": float(b)}
                                     for a, b in zip(i, v)],
                             "lowConfidence": bool(v[0] < 0.5), "threshold": 0.5})

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"serving POST http://127.0.0.1:{port}/predict", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
