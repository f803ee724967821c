docker run --privileged -v /:/host myapp
