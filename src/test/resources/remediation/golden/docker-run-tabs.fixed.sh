docker run -d \
	--name web \
	-p 127.0.0.1:8080:80 \
	--user 1000:1000 \
	--cap-drop ALL \
	--read-only \
	--tmpfs /tmp \
	--memory 512m \
	--pids-limit 100 \
	--cpus 1 \
	--security-opt no-new-privileges:true \
	nginx:1.27
