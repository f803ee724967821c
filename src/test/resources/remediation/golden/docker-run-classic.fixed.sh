docker run --user 1000:1000 --cap-drop ALL --read-only --tmpfs /tmp --memory 512m --pids-limit 100 --cpus 1 --security-opt no-new-privileges:true myapp
