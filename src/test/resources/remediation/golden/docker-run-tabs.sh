docker run -d \
	--name web \
	--privileged \
	-v /var/run/docker.sock:/var/run/docker.sock \
	-p 8080:80 \
	nginx:1.27
